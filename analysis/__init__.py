"""Reading Chinese news articles as a communication-studies researcher would: load and clean an article, then count
its words and extract, check and chart the numbers it reports; the same for a corpus of articles.

Layers, each importing only those below it: `reading` (pages, layouts, the Article) → `words` and `numbers` →
`reports` (findings, tables, charts) and `corpus` → `build` (running and rendering the notebooks). `config`,
`files` and `wordlists` serve every layer. The public names below import from `analysis` itself."""

import warnings

from analysis.reading.article import Article, ArticleError, ArticleWarning, Caption, Paragraph
from analysis.reading.loading import load_article

# jieba 0.42.1 imports pkg_resources, which setuptools deprecates with a warning that would reach every report
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

# the analyses need jieba and pandas; they load on first use, so `python -m analysis` starts fast
_LAZY = {
    "Token": "words.segmenting", "tokenize": "words.segmenting",
    "word_frequencies": "words.frequency", "concordance": "words.frequency", "quoted_phrases": "words.frequency",
    "text_counts": "words.frequency", "keywords": "words.keyterms", "entities": "words.keyterms",
    "extract_statistics": "numbers.extracting", "audit": "numbers.auditing", "photos": "reading.describing",
}


def __getattr__(name):
    """Import an analysis function on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"analysis.{_LAZY[name]}"), name)


__all__ = ["Article", "ArticleError", "ArticleWarning", "Caption", "Paragraph", "load_article", *_LAZY]
