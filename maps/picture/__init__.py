"""Pictures of a journey map, for slide decks.

The map is drawn once as SVG (so an SVG export is free) with the Inter font and Twemoji drawings
shipped in this package; `raster` turns it into PNG without a browser (resvg through the
`svg2png-py` binding, and FreeType through Pillow for the text) with only those fonts: the same
picture on every machine, whatever fonts it has installed.
"""
