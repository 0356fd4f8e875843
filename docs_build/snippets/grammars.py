"""Checkers built on tree-sitter grammar wheels: a tree with ERROR or MISSING nodes is a failure.

Each grammar comes from its own PyPI wheel and loads offline. Many grammars accept statements and
members at the top level (to be useful in editors), so a language may also say what a whole file looks
like (`file_nodes`): a snippet that parses but has other things at its top level is a fragment.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass, field
from functools import lru_cache

import tree_sitter

from .lexer import Snippet
from .outcome import Checker, Outcome, SyntaxProblem, Wrapper, failure

CLASS_BODY = Wrapper("class body", "class _Snippet {\n", "\n}")
COMMENT_NODES = frozenset({"comment", "line_comment", "block_comment"})


@dataclass(frozen=True)
class Grammar:
    """One tree-sitter language inside a wheel: module, the function returning it, the wheel's name."""

    module: str
    function: str = "language"

    @property
    def wheel(self) -> str:
        """The PyPI distribution that ships it."""
        return self.module.replace("_", "-")


@lru_cache(maxsize=None)
def parser_for(grammar: Grammar) -> tree_sitter.Parser:
    """A parser for the grammar, loaded once per process."""
    module = importlib.import_module(grammar.module)
    return tree_sitter.Parser(tree_sitter.Language(getattr(module, grammar.function)()))


def first_error(code: bytes, root: tree_sitter.Node) -> SyntaxProblem | None:
    """The first ERROR or MISSING node of a tree in document order, as a problem; None when clean."""
    if not root.has_error:
        return None
    node = root
    while not (node.is_error or node.is_missing):
        child = next((c for c in node.children if c.has_error or c.is_missing), None)
        if child is None:
            break
        node = child
    row, byte_column = node.start_point
    line = code.split(b"\n")[row] if row < code.count(b"\n") + 1 else b""
    column = len(line[:byte_column].decode("utf-8", "replace")) + 1
    if node.is_missing:
        return SyntaxProblem(f"missing '{node.type}'", row + 1, column)
    text = code[node.start_byte:node.end_byte].decode("utf-8", "replace").strip().split("\n")[0]
    near = f" near '{text[:40]}'" if text else ""
    return SyntaxProblem(f"syntax error{near}", row + 1, column)


@dataclass
class TreeSitterChecker(Checker):
    """A language parsed with one or more tree-sitter grammars (TypeScript: .ts, then .tsx)."""

    grammars: tuple[Grammar, ...]
    wrappers: tuple[Wrapper, ...] = ()
    #: Node types a whole file may have at its top level; None: anything the grammar accepts.
    file_nodes: frozenset[str] | None = None
    first_node: str = ""  # node type a whole file must start with (Go: package_clause)
    loose: str = "statements at the top level"  # fragment name when only file_nodes disagrees
    #: Grammars chosen by the info-string word instead of all of them (tsx -> the TSX grammar only).
    by_word: dict[str, tuple[Grammar, ...]] = field(default_factory=dict)

    @property
    def parser(self) -> str:  # type: ignore[override]
        """The wheels and their versions."""
        wheels = dict.fromkeys(g.wheel for g in self.grammars)
        return ", ".join(f"{w} {importlib.metadata.version(w)}" for w in wheels)

    def check(self, snippet: Snippet) -> Outcome:
        """Whole snippet with each grammar, then each wrapper; the furthest error when none parses."""
        grammars = self.grammars_for(snippet)
        problems: list[SyntaxProblem] = []
        loose = False
        for grammar in grammars:
            problem, root = self._parse(grammar, snippet.code)
            if problem is None:
                if self.file_nodes is None or self._is_file(root):
                    return Outcome("ok")
                loose = True
            else:
                problems.append(problem)
        for wrapper in self.wrappers:
            for grammar in grammars:
                problem, _ = self._parse(grammar, wrapper.wrap(snippet.code))
                if problem is None:
                    return Outcome("fragment", fragment=wrapper.name)
                problems.append(wrapper.unwrap(problem, snippet.code))
        if loose:
            return Outcome("fragment", fragment=self.loose)
        return failure(max(problems, key=lambda p: (p.line, p.column)))

    def grammars_for(self, snippet: Snippet) -> tuple[Grammar, ...]:
        """The grammars to try, in order."""
        return self.by_word.get(snippet.word, self.grammars)

    def _parse(self, grammar: Grammar, code: str) -> tuple[SyntaxProblem | None, tree_sitter.Node]:
        # Files end with a newline; some grammars (make) need it to close the last line.
        data = code.encode("utf-8") + b"\n"
        root = parser_for(grammar).parse(data).root_node
        return first_error(data, root), root

    def _is_file(self, root: tree_sitter.Node) -> bool:
        assert self.file_nodes is not None
        children = [child for child in root.children if child.type not in COMMENT_NODES]
        if self.first_node and (not children or children[0].type != self.first_node):
            return False
        return all(child.type in self.file_nodes for child in children)


class PhpChecker(TreeSitterChecker):
    """PHP: with `<?php` the HTML-embedding grammar; without it PHP alone (docs often omit the tag)."""

    def grammars_for(self, snippet: Snippet) -> tuple[Grammar, ...]:
        """The embedding grammar reads tagless text as HTML and would accept anything, so only with a tag."""
        return (PHP,) if "<?" in snippet.code else (PHP_ONLY,)


TYPESCRIPT = Grammar("tree_sitter_typescript", "language_typescript")
TSX = Grammar("tree_sitter_typescript", "language_tsx")
PHP = Grammar("tree_sitter_php", "language_php")
PHP_ONLY = Grammar("tree_sitter_php", "language_php_only")

#: Canonical language -> checker. A new tree-sitter language is one entry here (and its wheel pinned).
TREE_SITTER: dict[str, TreeSitterChecker] = {
    "typescript": TreeSitterChecker((TYPESCRIPT, TSX), (CLASS_BODY,), by_word={"tsx": (TSX,)}),
    "javascript": TreeSitterChecker((Grammar("tree_sitter_javascript"),), (CLASS_BODY,)),
    "go": TreeSitterChecker(
        (Grammar("tree_sitter_go"),),
        # Function body first: tree-sitter-go also takes statements after `package`, which Go does not.
        (
            Wrapper("function body", "package main\nfunc _() {\n", "\n}"),
            Wrapper("file without package", "package main\n"),
        ),
        # A Go file starts with `package`; tree-sitter-go also takes declarations without it.
        file_nodes=frozenset({"package_clause", "import_declaration", "function_declaration", "method_declaration",
                              "type_declaration", "var_declaration", "const_declaration"}),
        first_node="package_clause",
    ),
    "java": TreeSitterChecker(
        (Grammar("tree_sitter_java"),),
        (CLASS_BODY, Wrapper("method body", "class _Snippet {\nvoid _snippet() throws Exception {\n", "\n}\n}")),
        file_nodes=frozenset({"package_declaration", "import_declaration", "class_declaration",
                              "interface_declaration", "enum_declaration", "record_declaration",
                              "annotation_type_declaration", "module_declaration"}),
    ),
    "rust": TreeSitterChecker(
        (Grammar("tree_sitter_rust"),),
        (Wrapper("function body", "fn _snippet() {\n", "\n}"), Wrapper("impl body", "impl _Snippet {\n", "\n}")),
        file_nodes=frozenset({"function_item", "struct_item", "enum_item", "impl_item", "trait_item", "use_declaration",
                              "mod_item", "const_item", "static_item", "type_item", "macro_definition",
                              "attribute_item", "inner_attribute_item", "extern_crate_declaration", "union_item",
                              "foreign_mod_item", "macro_invocation", "function_signature_item"}),
    ),
    "c": TreeSitterChecker((Grammar("tree_sitter_c"),), (Wrapper("function body", "void _snippet(void) {\n", "\n}"),)),
    "cpp": TreeSitterChecker(
        (Grammar("tree_sitter_cpp"),),
        (Wrapper("function body", "void _snippet() {\n", "\n}"), Wrapper("class body", "struct _Snippet {\n", "\n};")),
    ),
    "csharp": TreeSitterChecker((Grammar("tree_sitter_c_sharp"),), (CLASS_BODY,)),
    "kotlin": TreeSitterChecker((Grammar("tree_sitter_kotlin"),), (CLASS_BODY,)),
    "swift": TreeSitterChecker((Grammar("tree_sitter_swift"),), (CLASS_BODY,)),
    "scala": TreeSitterChecker((Grammar("tree_sitter_scala"),), (Wrapper("object body", "object _Snippet {\n", "\n}"),)),
    "php": PhpChecker((PHP_ONLY, PHP), (CLASS_BODY,)),
    "css": TreeSitterChecker(
        (Grammar("tree_sitter_css"),),
        (Wrapper("rule body", "_ {\n", "\n}"),),
        # tree-sitter-css takes bare declarations (`color: red;`) at the top level; a stylesheet does not.
        file_nodes=frozenset({"rule_set", "at_rule", "charset_statement", "import_statement", "keyframes_statement",
                              "media_statement", "namespace_statement", "postcss_statement", "scope_statement",
                              "supports_statement"}),
        loose="rule body",
    ),
    "bash": TreeSitterChecker((Grammar("tree_sitter_bash"),)),
    "html": TreeSitterChecker((Grammar("tree_sitter_html"),)),
    "xml": TreeSitterChecker((Grammar("tree_sitter_xml", "language_xml"),)),
    "hcl": TreeSitterChecker((Grammar("tree_sitter_hcl"),)),
    "ruby": TreeSitterChecker((Grammar("tree_sitter_ruby"),)),
    "lua": TreeSitterChecker((Grammar("tree_sitter_lua"),)),
    "powershell": TreeSitterChecker((Grammar("tree_sitter_powershell"),)),
    "make": TreeSitterChecker((Grammar("tree_sitter_make"),)),
    "dockerfile": TreeSitterChecker((Grammar("tree_sitter_containerfile"),)),
}
