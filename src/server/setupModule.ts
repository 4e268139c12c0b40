// The setup module: what only "Khởi tạo / cập nhật sổ", "Phân quyền các trang tính", "Kiểm tra
// cài đặt" and the reminders' daily trigger run (their entry points are in server/setup.ts).
// tools/build.ts bundles it apart from dist/Code.js and stores it in dist/SetupData.html, which
// Apps Script reads only when asked; evaluating its code returns these exports. Every other
// execution (each custom-function call, each sidebar call, each other menu) evaluates Code.js
// alone and so does not pay for this code (docs/DECISIONS.md 53).
export { runProtectMenu } from './protectRun';
export { remindersDaily } from './reminders';
export { menuSelfCheck } from './selfCheck';
export { runSetupMenu } from './setupRun';
