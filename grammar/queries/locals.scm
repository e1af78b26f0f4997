; Scopes, definitions and references for tree-sitter-wit, so editors can highlight the
; other uses of a name within the interface or world that declares it.
[
  (interface_item)
  (world_item)
  (inline_interface)
  (func_item)
  (static_func_item)
  (constructor_item)
] @local.scope

(type_item name: (identifier) @local.definition.type)
(record_item name: (identifier) @local.definition.type)
(variant_item name: (identifier) @local.definition.type)
(enum_item name: (identifier) @local.definition.type)
(flags_item name: (identifier) @local.definition.type)
(resource_item name: (identifier) @local.definition.type)
(use_name name: (identifier) @local.definition.import (#set! definition.import.kind "type"))
(use_name alias: (identifier) @local.definition.import)
(param name: (identifier) @local.definition.parameter)

(named_type (identifier) @local.reference)
(own_type resource: (identifier) @local.reference)
(borrow_type resource: (identifier) @local.reference)
