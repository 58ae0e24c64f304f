// Generates custom-elements.json from the JSDoc of the element classes (IDE completion, docs).
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
