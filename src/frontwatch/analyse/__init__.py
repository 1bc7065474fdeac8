"""Analyse stage: sentences, tokens and lemmas, with no statistical model required."""

from frontwatch.analyse.rules import AnalyseRules, split_sentences, tokenize

__all__ = ["AnalyseRules", "split_sentences", "tokenize"]
