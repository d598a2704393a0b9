/**
 * The installed app's colours, from the design tokens (app/globals.css): the title bar takes
 * brand-600 (the logo's violet), the splash screen the page background (slate-50).
 */
export const PWA_THEME_COLOR = "#5f3dd8";
export const PWA_BACKGROUND_COLOR = "#f8fafc";
