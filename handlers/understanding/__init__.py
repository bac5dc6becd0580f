"""Understanding a question: normalise the text, extract what it names, build its frame."""
