import { makeRoutes } from './routes';

/** The routes of this build, under its base path. */
export const routes = makeRoutes(import.meta.env.BASE_URL);

/** The review this edition is made from, as it credits itself. */
export const review = {
  title: 'Understanding all solid-state lithium batteries through in situ transmission electron microscopy',
  authors: [
    'Yong Cheng', 'Liqiang Zhang', 'Qiaobao Zhang', 'Jie Li', 'Yongfu Tang',
    'Claude Delmas', 'Ting Zhu', 'Martin Winter', 'Ming-Sheng Wang', 'Jianyu Huang',
  ],
  references: 237,
} as const;

export const edition = {
  title: 'In situ TEM of all-solid-state lithium batteries',
  subtitle: 'A web edition of the review by Cheng et al.',
} as const;
