"""Training data conversion and training runs for the models shipped in ``models/``."""
