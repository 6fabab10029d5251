"""Models the project trains itself, on data a user is licensed to use (never shipped trained)."""
