"""dyad: sourced, queryable relations between states, read from international news."""
