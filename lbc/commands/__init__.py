"""One thin module per subcommand: options in, a core call, output out."""
