/**
 * For `page.addInitScript`: a browser without the share sheet (desktop Chromium on Linux has none;
 * removed to be sure), so a made file is downloaded.
 */
export const noShareSheet = (): void => {
  Reflect.deleteProperty(Navigator.prototype, 'share');
  Reflect.deleteProperty(Navigator.prototype, 'canShare');
};
