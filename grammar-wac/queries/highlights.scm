; Syntax highlighting for tree-sitter-wac (Neovim, Helix, Zed, `tree-sitter highlight`).
; Capture names follow nvim-treesitter's conventions. No two patterns give the same node
; different captures: editors disagree on whether the first or the last match wins.

; ---- comments: `///` and `/**` (but not `/**/`) are documentation, as wac reads them ------
((line_comment) @comment.documentation
  (#match? @comment.documentation "^///"))
((line_comment) @comment
  (#not-match? @comment "^///"))
((block_comment) @comment.documentation
  (#match? @comment.documentation "^/[*][*][^/]"))
((block_comment) @comment
  (#not-match? @comment "^/[*][*][^/]"))

; ---- keywords ------------------------------------------------------------------------------
["package" "targets" "let"] @keyword
"new" @keyword.operator
["interface" "world" "record" "variant" "enum" "flags" "type" "resource"] @keyword.type
"func" @keyword.function
"constructor" @constructor
"async" @keyword.coroutine
"static" @keyword.modifier
["use" "import" "export" "include"] @keyword.import
"as" @keyword.operator
"with" @keyword

; ---- packages ------------------------------------------------------------------------------
(package_name) @module
(package_path) @module

; ---- the composition: local names, arguments, accesses, export names ---------------------
(let_statement name: (identifier) @variable)
(import_statement name: (identifier) @variable)
(import_statement alias: (identifier) @string.special)
(export_statement alias: (identifier) @string.special)
(import_statement type: (identifier) @type)
(name_expression (identifier) @variable)
(inferred_argument name: (identifier) @variable)
(spread_argument instance: (identifier) @variable)
(named_argument name: (identifier) @variable.parameter)
(access_expression field: (identifier) @property)
(fill_argument) @operator
(spread_argument "..." @operator)
(export_statement "..." @operator)

; ---- declarations --------------------------------------------------------------------------
(interface_decl name: (identifier) @module)
(world_decl name: (identifier) @type.definition)
(type_alias name: (identifier) @type.definition)
(record_decl name: (identifier) @type.definition)
(variant_decl name: (identifier) @type.definition)
(enum_decl name: (identifier) @type.definition)
(flags_decl name: (identifier) @type.definition)
(resource_decl name: (identifier) @type.definition)
(interface_export name: (identifier) @function)
(method name: (identifier) @function.method)
(world_import name: (identifier) @function type: (func_type))
(world_export name: (identifier) @function type: (func_type))
(world_import name: (identifier) @module type: [(inline_interface) (named_type)])
(world_export name: (identifier) @module type: [(inline_interface) (named_type)])
(world_import path: (identifier) @module)
(world_export path: (identifier) @module)
(world_include world: (identifier) @type)
(use_statement path: (identifier) @module)
(param name: (identifier) @variable.parameter)
(record_field name: (identifier) @variable.member)
(variant_case name: (identifier) @constant)
(enum_case name: (identifier) @constant)
(flag name: (identifier) @constant)
(use_item name: (identifier) @type)
(use_item alias: (identifier) @type.definition)
(include_item name: (identifier) @variable)
(include_item alias: (identifier) @variable)

; ---- types ---------------------------------------------------------------------------------
(primitive_type) @type.builtin
["list" "option" "result" "tuple" "stream" "future" "borrow"] @type.builtin
(named_type (identifier) @type)
(borrow_type resource: (identifier) @type)
(omitted) @character.special

; ---- literals and punctuation --------------------------------------------------------------
(string_literal) @string
["(" ")" "{" "}" "[" "]" "<" ">"] @punctuation.bracket
["," ";" ":" "."] @punctuation.delimiter
["->" "="] @operator
