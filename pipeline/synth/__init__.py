"""Labelled synthetic documents: realistic procuratorial documents and judgments with injected, span-labelled
defects (see data/synth/README.md). Entry points: `generate.generate_splits`, `generate.generate_document`,
the `synth` click command (`command.synth`), and `dataset.load_splits` to read the shipped corpus back."""
