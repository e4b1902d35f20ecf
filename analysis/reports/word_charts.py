"""The word-frequency study's figures: top words, word cloud and quoted phrases, each saved with the CSV of its data."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pandas as pd

from analysis.reading.script import quote_marks
from analysis.reports import style
from analysis.reports.charting import (
    add_source_note,
    article_source,
    count_axis,
    display_width,
    in_article_script,
    new_figure,
    save_chart,
    set_titles,
)

WORD_CLOUD_SEED = 1  # fixed, so the layout (and the PNG's bytes) never change; any constant will do
METHOD_NOTE = ("Segmented by jieba-fast-dat, identical to jieba 0.42.1, via OpenCC Simplified, with the project's user "
               "dictionary and places, compounds cut in two, and names, words the article repeats and runs of single "
               "characters joined; stop words removed.")


def cloud_colour(word, font_size, **_) -> str:
    """Word-cloud colour: the project's dark blue for the large words, grey for the small."""
    return style.PALETTE[0] if font_size >= 20 else style.PALETTE[2]  # layout sizes, half the drawn ones


def plot_top_words(article, frequencies: pd.DataFrame, directory: str | Path, top: int = 30):
    """Bar chart of the `top` most frequent words, most frequent at the top. None when no word was counted."""
    data = frequencies.head(top)[["word", "count", "share"]]
    if data.empty:
        return None
    fig, ax = new_figure(8, 1.5 + 0.25 * len(data))
    ax.barh(data["word"][::-1], data["count"][::-1], color=style.PALETTE[0])
    for y, n in enumerate(data["count"][::-1]):
        ax.text(n, y, f" {n:,}", va="center", fontsize=8)
    ax.set_xlabel("出現次數 Occurrences (times)")
    ax.set_ylabel("詞 Word")
    ax.margins(y=0.01)
    count_axis(ax)
    set_titles(ax, f"出現最多的{len(data)}個詞", f"The {len(data)} most frequent words, stop words removed")
    add_source_note(ax, f"{article_source(article)}. {METHOD_NOTE}")
    in_article_script(fig, article)
    save_chart(fig, data, directory, "top_words")
    return fig


def plot_word_cloud(article, frequencies: pd.DataFrame, directory: str | Path, words: int = 100):
    """Word cloud of the `words` most frequent words, sized by count (no re-segmentation by wordcloud). None when
    no word was counted."""
    data = frequencies.head(words)[["word", "count"]]
    if data.empty:
        return None
    from wordcloud import WordCloud

    cloud = WordCloud(
        # laid out at 800 × 500 and drawn at twice that: the layout search costs a quarter of a full-size one
        font_path=str(style.font_file()), width=800, height=500, scale=2, background_color="white",
        prefer_horizontal=1.0, random_state=WORD_CLOUD_SEED, max_words=words, color_func=cloud_colour,
    ).generate_from_frequencies(dict(zip(data["word"], data["count"], strict=True)))
    fig, ax = new_figure(8, 5.2)
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    set_titles(ax, "詞雲", f"The {len(data)} most frequent words, sized by number of occurrences")
    add_source_note(ax, f"{article_source(article)}. {METHOD_NOTE} Layout random but fixed (seed {WORD_CLOUD_SEED}).")
    in_article_script(fig, article)
    save_chart(fig, data, directory, "word_cloud")
    return fig


def plot_quoted_phrases(article, phrases: pd.DataFrame, directory: str | Path, longest: int = 12):
    """Bar chart of the phrases quoted in 「」 or 『』 more than once, or short enough to be slogans. None when the
    article quotes no such phrase."""
    data = phrases[(phrases["count"] > 1) | (phrases["characters"] <= longest)].reset_index(drop=True)
    if data.empty:
        return None
    fig, ax = new_figure(8, max(4.0, 0.28 * len(data) + 1.5))
    y = range(len(data))[::-1]
    quote, inner = quote_marks(article.text)  # the marks as the article prints them; the columns keep their names
    ax.barh(y, data["「」"], color=style.PALETTE[0], label=quote)
    ax.barh(y, data["『』"], left=data["「」"], color=style.PALETTE[1], label=f"{inner} (a quote within a quote)")
    ax.set_yticks(list(y), data["phrase"])
    count_axis(ax)
    ax.set_xlabel("引用次數 Times quoted")
    ax.set_ylabel("引號內的詞句 Quoted phrase")
    ax.legend(frameon=False, loc="lower right")
    ax.margins(y=0.01)
    english = f"Phrases in quotation marks: quoted twice or more, or up to {longest} characters long"
    set_titles(ax, "引號裏的口號", english)
    marks = f"Every phrase in {quote[0]}…{quote[1]} and {inner[0]}…{inner[1]} in the cleaned text, counted as written."
    add_source_note(ax, f"{article_source(article)}. {marks}")
    in_article_script(fig, article)
    save_chart(fig, data, directory, "quoted_phrases")
    return fig


NETWORK_SEED = 1  # fixed, so the layout (and the files' bytes) never change; any constant will do


def network_communities(graph) -> dict[str, int]:
    """Each word's community (greedy modularity on the Jaccard weights), numbered largest first, ties by first
    word."""
    import networkx as nx

    groups = nx.community.greedy_modularity_communities(graph, weight="jaccard")
    ordered = sorted((sorted(group) for group in groups), key=lambda group: (-len(group), group[0]))
    return {word: number for number, group in enumerate(ordered) for word in group}


# the network's labels are 9 points high, a CJK character 9 points wide (display_width's two columns); its axes
# take about 7 × 5.5 of the figure's 8 × 7 inches, for a layout 2.3 wide and high (networkx's -1 to 1 and the
# margins): points to layout units
NETWORK_FONT = 9
NETWORK_FIGURE = (8, 7)
UNITS_PER_POINT = (2.3 / ((NETWORK_FIGURE[0] - 1) * 72), 2.3 / ((NETWORK_FIGURE[1] - 1.5) * 72))


def label_box(word: str, size: float) -> tuple[float, float]:
    """Half the width and half the height, in layout units, of a word's circle (`size` in points squared) or label,
    whichever is larger, with two points to spare."""
    radius = (size / math.pi) ** 0.5
    half_width = max(radius, display_width(word) * NETWORK_FONT / 4) + 2
    half_height = max(radius, NETWORK_FONT / 2) + 2
    return half_width * UNITS_PER_POINT[0], half_height * UNITS_PER_POINT[1]


def separated(layout: dict, boxes: dict, rounds: int = 200) -> dict:
    """The layout with words whose boxes (half width, half height) overlap moved apart, each pair by half the
    overlap along the axis that needs less, in turn until none overlaps or after `rounds` rounds; the same every
    time for the same layout."""
    position = {word: [float(x), float(y)] for word, (x, y) in layout.items()}
    for _ in range(rounds):
        moved = False
        for a, b in itertools.combinations(position, 2):
            gap = [position[b][axis] - position[a][axis] for axis in (0, 1)]
            overlap = [boxes[a][axis] + boxes[b][axis] - abs(gap[axis]) for axis in (0, 1)]
            if min(overlap) > 0:
                axis = 0 if overlap[0] / boxes[a][0] < overlap[1] / boxes[a][1] else 1
                step = math.copysign(overlap[axis] / 2, gap[axis] or 1)
                position[a][axis] -= step
                position[b][axis] += step
                moved = True
        if not moved:
            break
    return {word: tuple(xy) for word, xy in position.items()}


def draw_network(edges: pd.DataFrame, directory: str | Path, whose: str, source: str):
    """KH Coder's co-occurrence network of `whose` main words ("the article's"): a circle per word sized by its
    count, a line per pair sharing sentences, wider the higher its Jaccard coefficient, coloured by community; the
    layout seeded; `source` cited under it. Saved as cooccurrence_network; None when no pair qualifies."""
    if edges.empty:
        return None
    import networkx as nx

    graph = nx.Graph()
    for edge in edges.itertuples():
        graph.add_node(edge.source, count=edge.source_count)
        graph.add_node(edge.target, count=edge.target_count)
        graph.add_edge(edge.source, edge.target, jaccard=edge.jaccard)
    community = network_communities(graph)
    colours = [style.PALETTE[community[w]] if community[w] < len(style.PALETTE) else "#bbbbbb" for w in graph]
    largest = max(count for _, count in graph.nodes(data="count"))
    sizes = {word: 150 + 1350 * count / largest for word, count in graph.nodes(data="count")}  # points squared
    # k a little above networkx's default (1/√n) spreads the words; separated() then moves apart those still touching
    layout = nx.spring_layout(graph, k=1.6 / len(graph) ** 0.5, weight="jaccard", seed=NETWORK_SEED)
    fig, ax = new_figure(*NETWORK_FIGURE)
    boxes = {word: label_box(word, size) for word, size in sizes.items()}
    for _ in range(3):  # moving words apart widens the layout, which the axes then shrink: again, shrunk to fit
        layout = nx.rescale_layout_dict(separated(layout, boxes))
    nx.draw_networkx_edges(graph, layout, ax=ax, edge_color="#999999",
                           width=[0.5 + 3 * graph.edges[e]["jaccard"] for e in graph.edges])
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_color=colours, alpha=0.55, linewidths=0,
                           node_size=[sizes[word] for word in graph])
    nx.draw_networkx_labels(graph, layout, ax=ax, font_family=style.FONT_FAMILY, font_size=NETWORK_FONT)
    ax.set_axis_off()
    ax.margins(0.08)
    set_titles(ax, "詞語共現網絡", f"Which of {whose} main words share sentences: {len(graph)} words, "
                               f"{len(edges)} pairs")
    add_source_note(ax, f"{source} A line joins two of {whose} most frequent words that share two sentences or "
                        "more, wider the higher their Jaccard coefficient (sentences with both / sentences with "
                        "either); circles sized by count, coloured by community (greedy modularity). Layout random "
                        f"but fixed (seed {NETWORK_SEED}).")
    save_chart(fig, edges, directory, "cooccurrence_network")
    return fig


def plot_cooccurrence_network(article, edges: pd.DataFrame, directory: str | Path):
    """The co-occurrence network of the article's main words (draw_network). None when no pair qualifies."""
    return draw_network(edges, directory, "the article's", f"{article_source(article)}. {METHOD_NOTE}")
