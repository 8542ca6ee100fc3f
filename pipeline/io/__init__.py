"""Readers (folders, JSONL corpora, encodings, canonical text) and sinks (SQLite, JSONL)."""
