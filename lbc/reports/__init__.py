"""What the commands compute from a roster: summary, flag list, cards, diff, county."""
