/// <reference types="astro/client" />

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate a figure when the reader turns to it (src/components/hydrate-on-interaction.ts). */
    'client:interact'?: boolean;
  }
}

export {};
