import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Font files of the reports (see ../fonts/SOURCE.md): Noto Sans and Noto Sans Arabic, from npm. */
const require = createRequire(import.meta.url);
const dir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));
const latin = dir('@expo-google-fonts/noto-sans');
const arabic = dir('@expo-google-fonts/noto-sans-arabic');

export const FONT_FILES = {
  regular: join(latin, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: join(latin, '700Bold', 'NotoSans_700Bold.ttf'),
  arabic: join(arabic, '400Regular', 'NotoSansArabic_400Regular.ttf'),
  arabicBold: join(arabic, '700Bold', 'NotoSansArabic_700Bold.ttf'),
} as const;
export type FontKey = keyof typeof FONT_FILES;

/** The family Chart.js draws with on the server: Latin first, Arabic for what Latin lacks. */
export const CHART_FONT_FAMILY = 'Noto Sans, Noto Sans Arabic';
