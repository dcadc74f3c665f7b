// Svelte compiler options for the web app (read by the Vite plugin and svelte-check).
export default {
  compilerOptions: { runes: true },
};
