"""A corpus: many articles analysed with the article's layers into corpus tables, exports and claims."""
