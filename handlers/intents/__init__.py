"""The intent handlers: answers for the question types the matcher names (figures and texts)."""
