"""Reading an article: decoding a page saved as text or HTML, its layout, cleaning, and the Article it becomes."""
