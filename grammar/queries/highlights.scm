; Syntax highlighting for tree-sitter-wit (Neovim, Helix, Zed, `tree-sitter highlight`).
; Capture names follow nvim-treesitter's conventions. Patterns are written so that no two
; give the same node different captures: editors disagree on whether the first or the last
; matching pattern wins, so overlap would colour differently from editor to editor.

; ---- comments: `///` and `/**` (but not `/**/`) are documentation ----------------------
((line_comment) @comment.documentation
  (#match? @comment.documentation "^///"))
((line_comment) @comment
  (#not-match? @comment "^///"))
((block_comment) @comment.documentation
  (#match? @comment.documentation "^/[*][*][^/]"))
((block_comment) @comment
  (#not-match? @comment "^/[*][*][^/]"))

; ---- keywords -------------------------------------------------------------------------
"package" @keyword
["interface" "world"] @keyword.type
["record" "variant" "enum" "flags" "type" "resource"] @keyword.type
"func" @keyword.function
"constructor" @constructor
"async" @keyword.coroutine
"static" @keyword.modifier
["use" "import" "export" "include"] @keyword.import
"as" @keyword.operator
"with" @keyword

; ---- gates: @since(version = 1.0.0), @unstable(feature = x), @deprecated(...) ----------
(gate "@" @attribute)
(gate name: (identifier) @attribute)
; The `key:`/`value:` fields are matched under any parent: they are unique to gates.
(_ key: (identifier) @variable.parameter value: (identifier) @constant)
(_ key: (identifier) @variable.parameter value: (version) @string.special)

; ---- packages and paths ---------------------------------------------------------------
(package_name (identifier) @module)
(package_name (version) @string.special)
(use_path (identifier) @module)
(use_path (version) @string.special)
(toplevel_use alias: (identifier) @module)

; ---- declarations ---------------------------------------------------------------------
(interface_item name: (identifier) @module)
(world_item name: (identifier) @type.definition)
(type_item name: (identifier) @type.definition)
(record_item name: (identifier) @type.definition)
(variant_item name: (identifier) @type.definition)
(enum_item name: (identifier) @type.definition)
(flags_item name: (identifier) @type.definition)
(resource_item name: (identifier) @type.definition)

(interface_body (func_item name: (identifier) @function))
(resource_body (func_item name: (identifier) @function.method))
(static_func_item name: (identifier) @function.method)
(import_item name: (identifier) @function type: (func_type))
(export_item name: (identifier) @function type: (func_type))
(import_item name: (identifier) @module type: [(inline_interface) (use_path)])
(export_item name: (identifier) @module type: [(inline_interface) (use_path)])

(param name: (identifier) @variable.parameter)
(record_field name: (identifier) @variable.member)
(variant_case name: (identifier) @constant)
(enum_case name: (identifier) @constant)
(flags_field name: (identifier) @constant)
(use_name name: (identifier) @type)
(use_name alias: (identifier) @type.definition)
(include_name name: (identifier) @variable)
(include_name alias: (identifier) @variable)

; ---- types ----------------------------------------------------------------------------
(primitive_type) @type.builtin
["list" "option" "result" "tuple" "map" "future" "stream" "own" "borrow"] @type.builtin
(named_type (identifier) @type)
(own_type resource: (identifier) @type)
(borrow_type resource: (identifier) @type)
(result_type "_" @character.special)
(integer) @number

; ---- punctuation ----------------------------------------------------------------------
["(" ")" "{" "}"] @punctuation.bracket
(_ "<" @punctuation.bracket)
(_ ">" @punctuation.bracket)
["," ";" ":" "." "/"] @punctuation.delimiter
(package_name "@" @punctuation.delimiter)
(use_path "@" @punctuation.delimiter)
["->" "="] @operator
