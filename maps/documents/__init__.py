"""A journey as documents for people who will not open the app: a PowerPoint deck (`slides`)
and PDFs (`pdf`: the full map as vector graphics, and `report`: persona, map and frictions).
Both are in the journey's language, like the picture export they build on."""
