// The `client:interact` directive (hydrate-on-interaction.ts) as an Astro integration.
import { fileURLToPath } from 'node:url';

export function interactDirective() {
  return {
    name: 'neural-notes:client-interact',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'interact', entrypoint: fileURLToPath(new URL('./hydrate-on-interaction.ts', import.meta.url)) });
      },
    },
  };
}
