"""Words: segmentation, counts, concordances, keywords and the article's candidate terms."""
