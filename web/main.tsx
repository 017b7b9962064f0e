/** Entry point of the dashboard and its pages: the app, global styles (boot/mount.tsx). */
import './boot/prefetch.ts';
import { mountMapPage } from './boot/mount.tsx';
import { App } from './App.tsx';
import './styles.css';

mountMapPage(<App />, 'index.html');
