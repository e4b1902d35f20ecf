"""The build: the notebooks' order, running them in kernels of their own, publishing outputs, rendering reports."""
