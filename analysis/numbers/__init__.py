"""Numbers: numerals, dates, what a number counts, the statistics table and its consistency audit."""
