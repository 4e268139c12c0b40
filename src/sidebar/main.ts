// Entry point of the sidebar bundle (tools/build.ts inlines it into dist/Sidebar.html).
import { startApp } from './app';

const root = document.getElementById('app');
if (root) startApp(root);
