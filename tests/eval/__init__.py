"""Evaluation sets and their runners (questions and claims, per language)."""
