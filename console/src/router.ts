// The console's pages. A page the account may not use is not reachable (and not in the menu); the
// API refuses it anyway.
import { createRouter, createWebHistory } from 'vue-router';
import { isAdministrator, loadSession, session } from './session';

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { open: true } },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue') },
    {
      path: '/',
      component: () => import('./pages/LayoutPage.vue'),
      children: [
        { path: '', name: 'home', component: () => import('./pages/HomePage.vue') },
        { path: 'accounts', name: 'accounts', component: () => import('./pages/AccountsPage.vue'), meta: { admin: true } },
        { path: 'audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { admin: true } },
        { path: 'women', name: 'women', component: () => import('./pages/WomenPage.vue') },
        { path: 'women/:id', name: 'woman', component: () => import('./pages/WomanPage.vue') },
        { path: 'pregnancies', name: 'pregnancies', component: () => import('./pages/PregnanciesPage.vue'), meta: { notHospital: true } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  await loadSession();
  if (to.meta.open) return true;
  if (!session.account) return { name: 'login', query: { next: to.fullPath } };
  if (session.account.mustChangePassword && to.name !== 'password') return { name: 'password' };
  if (to.meta.admin && !isAdministrator(session.account)) return { name: 'home' };
  if (to.meta.notHospital && session.account.role === 'hospital') return { name: 'home' };
  return true;
});
