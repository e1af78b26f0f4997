; Scopes, definitions and references for tree-sitter-wac: a composition's local names are
; its lets and imports, used by later expressions and arguments; types are local to the
; interface or world that declares them.
[
  (source_file)
  (interface_decl)
  (world_decl)
  (inline_interface)
  (func_type)
  (constructor)
] @local.scope

(let_statement name: (identifier) @local.definition.var)
(import_statement name: (identifier) @local.definition.import)
(name_expression (identifier) @local.reference)
(inferred_argument name: (identifier) @local.reference)
(spread_argument instance: (identifier) @local.reference)

(type_alias name: (identifier) @local.definition.type)
(record_decl name: (identifier) @local.definition.type)
(variant_decl name: (identifier) @local.definition.type)
(enum_decl name: (identifier) @local.definition.type)
(flags_decl name: (identifier) @local.definition.type)
(resource_decl name: (identifier) @local.definition.type)
(use_item name: (identifier) @local.definition.import)
(use_item alias: (identifier) @local.definition.import)
(param name: (identifier) @local.definition.parameter)
(named_type (identifier) @local.reference)
(borrow_type resource: (identifier) @local.reference)
