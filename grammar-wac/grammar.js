/**
 * tree-sitter-wac: WebAssembly Compositions (wac-parser 0.12).
 *
 * Tokens are lexed as wac's (logos) lexer lexes them, without regard to where the
 * parser is: identifiers, package names (`a:b@1.0.0`) and package paths
 * (`a:b/c@1.0.0`) come from the external scanner (src/scanner.c), which takes the
 * longest of the three and leaves keywords to the grammar, so `let` is never a name
 * and `c:d` is a package name even where a named argument was meant, as in wac.
 *
 * The grammar is a little more permissive than wac where a precise message beats a
 * bare syntax error: the package directive may be missing or repeated, records,
 * variants, flags and enums may be empty, versions are not checked as semver. The
 * language server reports those in wac's words (server/src/wac/wacSyntaxErrors.ts).
 */
const commaSep = (rule) => optional(seq(rule, repeat(seq(',', rule)), optional(',')));
const commaSep1 = (rule) => seq(rule, repeat(seq(',', rule)), optional(','));

const PRIMITIVES = [
  'u8', 's8', 'u16', 's16', 'u32', 's32', 'u64', 's64',
  'f32', 'f64', 'char', 'bool', 'string', 'error-context',
];

module.exports = grammar({
  name: 'wac',

  extras: ($) => [/[ \t\r\n\f]/, $.line_comment, $.block_comment],

  // The scanner also lexes strings: wac's may span lines, and an unterminated one runs
  // to the end of the input (reported at its quote).
  externals: ($) => [$.identifier, $.package_name, $.package_path, $.block_comment, $.string_literal],

  supertypes: ($) => [$._statement, $._expression, $._type],

  rules: {
    source_file: ($) => repeat(choice($.package_decl, $._statement)),

    // `package a:b@1.0.0 targets wasi:http/proxy;`
    package_decl: ($) => seq(
      'package',
      field('name', $.package_name),
      optional(seq('targets', field('targets', $.package_path))),
      ';',
    ),

    _statement: ($) => choice(
      $.import_statement,
      $.let_statement,
      $.export_statement,
      $.interface_decl,
      $.world_decl,
      $._type_decl,
    ),

    // ---- composition statements ----------------------------------------------------
    import_statement: ($) => seq(
      'import',
      field('name', $.identifier),
      optional(seq('as', field('alias', choice($.identifier, $.string_literal)))),
      ':',
      field('type', choice($.package_path, $.func_type, $.inline_interface, $.identifier)),
      ';',
    ),

    let_statement: ($) => seq(
      'let',
      field('name', $.identifier),
      '=',
      field('value', $._expression),
      ';',
    ),

    export_statement: ($) => seq(
      'export',
      field('value', $._expression),
      optional(choice(
        field('spread', '...'),
        seq('as', field('alias', choice($.identifier, $.string_literal))),
      )),
      ';',
    ),

    _expression: ($) => choice(
      $.new_expression,
      $.nested_expression,
      $.access_expression,
      $.named_access_expression,
      $.name_expression,
    ),

    // A local name used as a value.
    name_expression: ($) => $.identifier,

    nested_expression: ($) => seq('(', field('inner', $._expression), ')'),

    access_expression: ($) => seq(field('object', $._expression), '.', field('field', $.identifier)),

    named_access_expression: ($) => seq(
      field('object', $._expression),
      '[',
      field('name', $.string_literal),
      ']',
    ),

    new_expression: ($) => seq(
      'new',
      field('package', $.package_name),
      field('arguments', $.instantiation_arguments),
    ),

    instantiation_arguments: ($) => seq('{', commaSep($._instantiation_argument), '}'),

    _instantiation_argument: ($) => choice(
      $.inferred_argument,
      $.named_argument,
      $.spread_argument,
      $.fill_argument,
    ),

    inferred_argument: ($) => field('name', $.identifier),

    named_argument: ($) => seq(
      field('name', choice($.identifier, $.string_literal)),
      ':',
      field('value', $._expression),
    ),

    // `...c`: the exports of instance c, for the arguments still unsatisfied.
    spread_argument: ($) => seq('...', field('instance', $.identifier)),

    // `...`: every argument not given is imported by the composition.
    fill_argument: (_) => '...',

    // ---- interfaces and worlds -------------------------------------------------------
    interface_decl: ($) => seq('interface', field('name', $.identifier), field('body', $.interface_body)),

    interface_body: ($) => seq('{', repeat($._interface_item), '}'),

    _interface_item: ($) => choice($.use_statement, $._item_type_decl, $.interface_export),

    // `f: func();` or `f: some-func-type;`
    interface_export: ($) => seq(
      field('name', $.identifier),
      ':',
      field('type', choice($.func_type, $.named_type)),
      ';',
    ),

    use_statement: ($) => seq(
      'use',
      field('path', choice($.package_path, $.identifier)),
      '.',
      '{',
      commaSep($.use_item),
      '}',
      ';',
    ),

    use_item: ($) => seq(field('name', $.identifier), optional(seq('as', field('alias', $.identifier)))),

    inline_interface: ($) => seq('interface', field('body', $.interface_body)),

    world_decl: ($) => seq('world', field('name', $.identifier), field('body', $.world_body)),

    world_body: ($) => seq('{', repeat($._world_item), '}'),

    _world_item: ($) => choice(
      $.use_statement,
      $._item_type_decl,
      $.world_import,
      $.world_export,
      $.world_include,
    ),

    world_import: ($) => seq('import', $._world_item_path, ';'),
    world_export: ($) => seq('export', $._world_item_path, ';'),

    _world_item_path: ($) => choice(
      seq(field('name', $.identifier), ':', field('type', choice($.named_type, $.func_type, $.inline_interface))),
      field('path', choice($.package_path, $.identifier)),
    ),

    world_include: ($) => seq(
      'include',
      field('world', choice($.package_path, $.identifier)),
      optional(seq('with', '{', commaSep($.include_item), '}')),
      ';',
    ),

    include_item: ($) => seq(field('name', $.identifier), 'as', field('alias', $.identifier)),

    // ---- type declarations -----------------------------------------------------------
    _type_decl: ($) => choice($.variant_decl, $.record_decl, $.flags_decl, $.enum_decl, $.type_alias),

    _item_type_decl: ($) => choice($.resource_decl, $._type_decl),

    resource_decl: ($) => seq(
      'resource',
      field('name', $.identifier),
      choice(';', field('body', $.resource_body)),
    ),

    resource_body: ($) => seq('{', repeat(choice($.constructor, $.method)), '}'),

    constructor: ($) => seq('constructor', field('params', $.param_list), ';'),

    method: ($) => seq(
      field('name', $.identifier),
      ':',
      optional(field('static', 'static')),
      field('type', $.func_type),
      ';',
    ),

    variant_decl: ($) => seq('variant', field('name', $.identifier), '{', commaSep($.variant_case), '}'),

    variant_case: ($) => seq(field('name', $.identifier), optional(seq('(', field('type', $._type), ')'))),

    record_decl: ($) => seq('record', field('name', $.identifier), '{', commaSep($.record_field), '}'),

    record_field: ($) => seq(field('name', $.identifier), ':', field('type', $._type)),

    flags_decl: ($) => seq('flags', field('name', $.identifier), '{', commaSep($.flag), '}'),

    flag: ($) => field('name', $.identifier),

    enum_decl: ($) => seq('enum', field('name', $.identifier), '{', commaSep($.enum_case), '}'),

    enum_case: ($) => field('name', $.identifier),

    type_alias: ($) => seq(
      'type',
      field('name', $.identifier),
      '=',
      field('type', choice($.func_type, $._type)),
      ';',
    ),

    // `-> ;` is accepted: wac reads a missing result type as none.
    func_type: ($) => seq(
      optional(field('async', 'async')),
      'func',
      field('params', $.param_list),
      optional(seq('->', optional(field('result', $._type)))),
    ),

    param_list: ($) => seq('(', commaSep($.param), ')'),

    param: ($) => seq(field('name', $.identifier), ':', field('type', $._type)),

    // ---- types -----------------------------------------------------------------------
    _type: ($) => choice(
      $.primitive_type,
      $.tuple_type,
      $.list_type,
      $.option_type,
      $.result_type,
      $.borrow_type,
      $.stream_type,
      $.future_type,
      $.named_type,
    ),

    primitive_type: (_) => choice(...PRIMITIVES),

    named_type: ($) => $.identifier,

    tuple_type: ($) => seq('tuple', '<', commaSep1($._type), '>'),

    list_type: ($) => seq('list', '<', field('element', $._type), '>'),

    option_type: ($) => seq('option', '<', field('type', $._type), '>'),

    result_type: ($) => prec.right(seq('result', optional(seq(
      '<',
      field('ok', choice($._type, $.omitted)),
      optional(seq(',', field('err', choice($._type, $.omitted)))),
      '>',
    )))),

    // `_` in `result<_, e>`.
    omitted: (_) => '_',

    borrow_type: ($) => seq('borrow', '<', field('resource', $.identifier), '>'),

    stream_type: ($) => prec.right(seq('stream', optional(seq('<', field('type', $._type), '>')))),

    future_type: ($) => prec.right(seq('future', optional(seq('<', field('type', $._type), '>')))),

    line_comment: (_) => token(seq('//', /[^\n]*/)),
  },
});
