"""Administration screens: accounts and organisation settings (administrators only)."""
