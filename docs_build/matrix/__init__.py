"""The framework matrix feature: which entries cover which framework, with the evidence (coverage), the
vocabulary of frameworks (frameworks, docs_build/data/frameworks.yml), and selection diagrams (diagrams)."""
