/** Entry point of the chromeless embeds (`/embed/map?…`): same URL state as the dashboard. */
import '../boot/prefetch.ts';
import { mountMapPage } from '../boot/mount.tsx';
import { EmbedMap } from './EmbedMap.tsx';
import { postHeight } from './resize.ts';
import '../styles.css';
import './embed.css';

postHeight(mountMapPage(<EmbedMap />, 'embed.html'));
