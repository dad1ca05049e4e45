"""kshare: an event-sourced knowledge-sharing platform for peer mentorship programs."""
