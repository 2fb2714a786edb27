"""Network adapters: HTTP clients, a TCP transport for the warehouse scanners."""
