"""Helpers for the Xixiang article study: load and clean the article, then analyse it."""

from analysis.article import Article, ArticleError, Caption, Paragraph
from analysis.loading import load_article

__all__ = ["Article", "ArticleError", "Caption", "Paragraph", "load_article"]
