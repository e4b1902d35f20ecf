"""Reports: findings as sentences, tables and charts as the notebooks show them, a researcher's commentary."""
