"""Use-cases: what the window and the command line can do. Each owns its transaction."""
