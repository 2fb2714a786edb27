"""Third-party code copied in for the offline installer."""
