/**
 * tree-sitter-wit: the WebAssembly Interface Type language.
 *
 * The grammar is deliberately a little more permissive than wit-parser where a
 * precise semantic message beats a bare syntax error (identifier rules, which
 * gate names exist, version syntax, keyword use in names that the grammar cannot
 * see): the analysis core reports those with wit-parser's wording.
 */
const commaSep = (rule) => optional(seq(rule, repeat(seq(',', rule)), optional(',')));
const commaSep1 = (rule) => seq(rule, repeat(seq(',', rule)), optional(','));

const PRIMITIVES = [
  'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64',
  'f32', 'f64', 'char', 'bool', 'string', 'error-context',
];

module.exports = grammar({
  name: 'wit',

  word: ($) => $.identifier,

  extras: ($) => [/\s/, $.line_comment, $.block_comment],

  externals: ($) => [$.block_comment],

  supertypes: ($) => [$._type],

  conflicts: ($) => [[$.use_path]],

  rules: {
    source_file: ($) => repeat($._toplevel_item),

    _toplevel_item: ($) => choice(
      $.package_decl,
      $.nested_package,
      $.toplevel_use,
      $.interface_item,
      $.world_item,
    ),

    // `package a:b@1.0.0;` — the file's package header.
    package_decl: ($) => seq('package', field('name', $.package_name), ';'),

    // `package a:b { ... }` — a package defined inline, possibly nested.
    nested_package: ($) => seq(
      'package',
      field('name', $.package_name),
      field('body', $.package_body),
    ),

    package_body: ($) => seq('{', repeat($._toplevel_item), '}'),

    package_name: ($) => seq(
      $.identifier,
      repeat1(seq(':', $.identifier)),
      repeat(seq('/', $.identifier)),
      optional(seq('@', field('version', $.version))),
    ),

    toplevel_use: ($) => seq(
      optional($.gates),
      'use',
      field('path', $.use_path),
      optional(seq('as', field('alias', $.identifier))),
      ';',
    ),

    // `iface`, `ns:pkg/iface`, `ns:pkg/iface@1.2.3`
    use_path: ($) => choice(
      $.identifier,
      seq(
        $.identifier,
        repeat1(seq(':', $.identifier)),
        repeat1(seq('/', $.identifier)),
        optional(seq('@', field('version', $.version))),
      ),
    ),

    // ---- gates -------------------------------------------------------------
    gates: ($) => repeat1($.gate),

    // `@since(version = 1.0.0)`, `@unstable(feature = x)`, `@deprecated(version = 1.0.0)`
    gate: ($) => seq(
      '@',
      field('name', $.identifier),
      '(',
      choice(commaSep($.gate_arg), field('string', $.string)),
      ')',
    ),

    gate_arg: ($) => seq(
      field('key', $.identifier),
      '=',
      field('value', choice($.version, $.identifier)),
    ),

    // ---- interfaces --------------------------------------------------------
    interface_item: ($) => seq(
      optional($.gates),
      'interface',
      field('name', $.identifier),
      field('body', $.interface_body),
    ),

    interface_body: ($) => seq('{', repeat($._interface_member), '}'),

    _interface_member: ($) => choice($.use_item, $._typedef, $.func_item),

    use_item: ($) => seq(
      optional($.gates),
      'use',
      field('path', $.use_path),
      '.',
      '{',
      commaSep($.use_name),
      '}',
      ';',
    ),

    use_name: ($) => seq(
      field('name', $.identifier),
      optional(seq('as', field('alias', $.identifier))),
    ),

    func_item: ($) => seq(
      optional($.gates),
      field('name', $.identifier),
      ':',
      field('type', $.func_type),
      ';',
    ),

    func_type: ($) => seq(
      optional(field('async', 'async')),
      'func',
      field('params', $.param_list),
      optional(field('result', $.result_list)),
    ),

    param_list: ($) => seq('(', commaSep($.param), ')'),

    param: ($) => seq(field('name', $.identifier), ':', field('type', $._type)),

    result_list: ($) => seq('->', field('type', $._type)),

    // ---- type definitions --------------------------------------------------
    _typedef: ($) => choice(
      $.resource_item,
      $.record_item,
      $.variant_item,
      $.enum_item,
      $.flags_item,
      $.type_item,
    ),

    type_item: ($) => seq(
      optional($.gates),
      'type',
      field('name', $.identifier),
      '=',
      field('type', $._type),
      ';',
    ),

    record_item: ($) => seq(
      optional($.gates),
      'record',
      field('name', $.identifier),
      '{',
      commaSep($.record_field),
      '}',
    ),

    record_field: ($) => seq(field('name', $.identifier), ':', field('type', $._type)),

    variant_item: ($) => seq(
      optional($.gates),
      'variant',
      field('name', $.identifier),
      '{',
      commaSep($.variant_case),
      '}',
    ),

    variant_case: ($) => seq(
      field('name', $.identifier),
      optional(seq('(', field('type', $._type), ')')),
    ),

    enum_item: ($) => seq(
      optional($.gates),
      'enum',
      field('name', $.identifier),
      '{',
      commaSep($.enum_case),
      '}',
    ),

    enum_case: ($) => field('name', $.identifier),

    flags_item: ($) => seq(
      optional($.gates),
      'flags',
      field('name', $.identifier),
      '{',
      commaSep($.flags_field),
      '}',
    ),

    flags_field: ($) => field('name', $.identifier),

    resource_item: ($) => seq(
      optional($.gates),
      'resource',
      field('name', $.identifier),
      choice(';', field('body', $.resource_body)),
    ),

    resource_body: ($) => seq('{', repeat($._resource_member), '}'),

    _resource_member: ($) => choice($.constructor_item, $.func_item, $.static_func_item),

    constructor_item: ($) => seq(
      optional($.gates),
      'constructor',
      field('params', $.param_list),
      optional(field('result', $.result_list)),
      ';',
    ),

    static_func_item: ($) => seq(
      optional($.gates),
      field('name', $.identifier),
      ':',
      'static',
      field('type', $.func_type),
      ';',
    ),

    // ---- worlds ------------------------------------------------------------
    world_item: ($) => seq(
      optional($.gates),
      'world',
      field('name', $.identifier),
      field('body', $.world_body),
    ),

    world_body: ($) => seq('{', repeat($._world_member), '}'),

    _world_member: ($) => choice(
      $.import_item,
      $.export_item,
      $.include_item,
      $.use_item,
      $._typedef,
    ),

    import_item: ($) => seq(optional($.gates), 'import', $._extern),
    export_item: ($) => seq(optional($.gates), 'export', $._extern),

    _extern: ($) => choice(
      seq(field('name', $.identifier), ':', field('type', $._extern_type)),
      seq(field('path', $.use_path), ';'),
    ),

    _extern_type: ($) => choice(
      seq($.func_type, ';'),
      $.inline_interface,
      seq($.use_path, ';'),
    ),

    inline_interface: ($) => seq('interface', field('body', $.interface_body)),

    include_item: ($) => seq(
      optional($.gates),
      'include',
      field('path', $.use_path),
      choice(';', seq('with', '{', commaSep($.include_name), '}')),
    ),

    include_name: ($) => seq(field('name', $.identifier), 'as', field('alias', $.identifier)),

    // ---- types -------------------------------------------------------------
    _type: ($) => choice(
      $.primitive_type,
      $.tuple_type,
      $.list_type,
      $.option_type,
      $.result_type,
      $.map_type,
      $.future_type,
      $.stream_type,
      $.borrow_type,
      $.own_type,
      $.named_type,
    ),

    primitive_type: (_) => choice(...PRIMITIVES),

    named_type: ($) => $.identifier,

    tuple_type: ($) => seq('tuple', '<', commaSep($._type), '>'),

    list_type: ($) => seq(
      'list', '<', field('element', $._type),
      optional(seq(',', field('length', $.integer))),
      '>',
    ),

    option_type: ($) => seq('option', '<', field('type', $._type), '>'),

    result_type: ($) => prec.right(seq('result', optional(seq(
      '<',
      choice(
        seq(field('ok', $._type), optional(seq(',', field('err', $._type)))),
        seq('_', ',', field('err', $._type)),
      ),
      '>',
    )))),

    map_type: ($) => seq('map', '<', field('key', $._type), ',', field('value', $._type), '>'),

    future_type: ($) => prec.right(seq('future', optional(seq('<', field('type', $._type), '>')))),

    stream_type: ($) => prec.right(seq('stream', optional(seq('<', field('type', $._type), '>')))),

    borrow_type: ($) => seq('borrow', '<', field('resource', $.identifier), '>'),

    own_type: ($) => seq('own', '<', field('resource', $.identifier), '>'),

    // ---- tokens ------------------------------------------------------------
    // Permissive on purpose: the core checks kebab-case and keyword rules.
    identifier: (_) => /%?[\p{L}][\p{L}\p{N}_-]*/,

    version: (_) => /[0-9]+(\.[0-9A-Za-z+-]+)*/,

    integer: (_) => /[0-9]+/,

    // `@external-id("...")` takes a Core WebAssembly name literal.
    string: (_) => /"([^"\\\n]|\\.)*"/,

    line_comment: (_) => token(seq('//', /[^\n]*/)),
  },
});
