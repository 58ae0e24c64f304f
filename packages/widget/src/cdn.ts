// Self-contained bundle for <script type="module" src=".../jauge.js">: registers the elements.
import './define.js';

export * from './index.js';
