"""Shared fixtures: the study's article, loaded once."""

import pytest

from analysis import config, load_article


@pytest.fixture(scope="session")
def article():
    """The study's article, as every analysis reads it."""
    return load_article(config.ARTICLE)
