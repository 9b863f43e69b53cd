"""reportgen: annual rule-of-law government reports from validated YAML profiles."""

__version__ = "0.1.0"
