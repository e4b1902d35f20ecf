"""Helpers for the Xixiang article study: load and clean the article, then analyse it."""

import warnings

from analysis.article import Article, ArticleError, ArticleWarning, Caption, Paragraph
from analysis.loading import load_article

# jieba 0.42.1 imports pkg_resources, which setuptools deprecates with a warning that would reach every report
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

# the analyses need jieba and pandas; they load on first use, so `python -m analysis` starts fast
_LAZY = {
    "Token": "segmenting", "tokenize": "segmenting", "word_frequencies": "frequency", "concordance": "frequency",
    "quoted_phrases": "frequency", "text_counts": "frequency", "keywords": "keyterms", "entities": "keyterms",
    "extract_statistics": "extracting", "photos": "describing", "audit": "auditing",
}


def __getattr__(name):
    """Import an analysis function on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"analysis.{_LAZY[name]}"), name)


__all__ = ["Article", "ArticleError", "ArticleWarning", "Caption", "Paragraph", "load_article", *_LAZY]
