"""Legal proofreading (文字差错): character LM + confusion sets + reranker for 错别字, and legal wording rules.

Modules: lm (character n-gram LM, Kneser-Ney), confusion (confusion sets), protect (names, places,
case numbers, whitelisted terms), words (ordinary-word evidence from jieba's dictionary), spelling
(candidate generation, specificity rules and scoring), wording (legal wording rules), checker (the
document-level TypoChecker used by pipeline/detectors/typo.py), lexicon/corpus/training (building the
model from ../shared/corpus), real_labels (hand-read verdicts on real-text flags), evaluate
(SIGHAN-style metrics).
"""
